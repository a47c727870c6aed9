//! The styles of terminal output, decided once by the caller: one [`Palette`] for the
//! report, side by side, trace, blame and log.
//!
//! [`Style`] is the project's own type; the escape codes are written by `owo-colors`,
//! which stays inside this file.

use std::ffi::OsString;
use std::fmt;

/// How one part of terminal output looks: a colour and attributes, or nothing at all.
///
/// A plain style ([`Style::plain`]) writes no escape code, so "colour off" is a palette of
/// plain styles.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Style(owo_colors::Style);

impl Style {
    /// No colour, no attribute: the text as it is.
    pub const fn plain() -> Style {
        Style(owo_colors::Style::new())
    }

    /// `text` in this style: written with the style's escape codes (none when plain).
    pub fn paint<T: fmt::Display>(self, text: T) -> impl fmt::Display {
        self.0.style(text)
    }

    /// Whether this style writes no escape code.
    pub fn is_plain(self) -> bool {
        self == Style::plain()
    }
}

/// The styles of each part of terminal output. A plain palette ([`Palette::plain`])
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
    /// One colour per version of a chain (blame, trace, log), used in turn.
    pub versions: [Style; VERSION_COLORS],
}

/// How many versions get a colour of their own before the colours repeat.
pub const VERSION_COLORS: usize = 6;

impl Palette {
    /// No colour, no escape codes; changes marked with `[-…-]` and `{+…+}`.
    pub fn plain() -> Palette {
        let s = Style::plain();
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
            versions: [s; VERSION_COLORS],
        }
    }

    /// The colours of a terminal: deletions red and struck through, insertions green,
    /// as git and delta show them; versions in blue, magenta, cyan, yellow, green, red.
    pub fn colored() -> Palette {
        let s = owo_colors::Style::new();
        Palette {
            deleted: Style(s.red().strikethrough()),
            inserted: Style(s.green()),
            added: Style(s.green()),
            removed: Style(s.red().strikethrough()),
            heading: Style(s.bold().yellow()),
            origin: Style(s.cyan()),
            dim: Style(s.dimmed()),
            title: Style(s.bold()),
            markers: false,
            versions: [
                Style(s.blue()),
                Style(s.magenta()),
                Style(s.cyan()),
                Style(s.yellow()),
                Style(s.green()),
                Style(s.red()),
            ],
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

    /// The colour of version `k` (0-based) of a chain.
    pub fn version(&self, k: usize) -> Style {
        self.versions[k % VERSION_COLORS]
    }
}

/// The environment variables the colour decision reads.
#[derive(Debug, Default, Clone)]
pub struct ColorEnv {
    /// `NO_COLOR`.
    pub no_color: Option<OsString>,
    /// `CLICOLOR_FORCE`.
    pub clicolor_force: Option<OsString>,
    /// `TERM`.
    pub term: Option<OsString>,
}

/// The colour decision, as git and ripgrep make it: an explicit `--color always|never`
/// (`explicit`) is obeyed as given; otherwise (`auto`) colour only when the output is a
/// `terminal`, `NO_COLOR` is unset or empty and `TERM` is not `dumb`, except that
/// `CLICOLOR_FORCE` (set, not empty, not `0`) forces colour on. The caller reads the
/// environment; this only decides.
pub fn decide_color(explicit: Option<bool>, terminal: bool, env: &ColorEnv) -> bool {
    match explicit {
        Some(color) => color,
        None => {
            let forced = env
                .clicolor_force
                .as_ref()
                .is_some_and(|v| !v.is_empty() && v != "0");
            let no_color = env.no_color.as_ref().is_some_and(|v| !v.is_empty());
            let dumb = env.term.as_ref().is_some_and(|v| v == "dumb");
            forced || (terminal && !no_color && !dumb)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_writes_no_escape_code() {
        let p = Palette::plain();
        assert_eq!(p.deleted.paint("x").to_string(), "x");
        assert_eq!(p.version(7).paint("v8").to_string(), "v8");
        assert!(p.title.is_plain());
    }

    #[test]
    fn colored_writes_sgr_codes() {
        let p = Palette::colored();
        assert_eq!(p.inserted.paint("x").to_string(), "\u{1b}[32mx\u{1b}[0m");
        assert_eq!(
            p.version(0).paint("v1").to_string(),
            "\u{1b}[34mv1\u{1b}[0m"
        );
        assert_eq!(p.version(6), p.version(0));
    }

    fn env(no_color: Option<&str>, force: Option<&str>, term: Option<&str>) -> ColorEnv {
        ColorEnv {
            no_color: no_color.map(OsString::from),
            clicolor_force: force.map(OsString::from),
            term: term.map(OsString::from),
        }
    }

    #[test]
    fn colour_rules() {
        let auto = None;
        assert!(decide_color(auto, true, &env(None, None, Some("xterm"))));
        assert!(!decide_color(auto, false, &env(None, None, Some("xterm"))));
        assert!(!decide_color(auto, true, &env(Some("1"), None, None)));
        assert!(decide_color(auto, true, &env(Some(""), None, None)));
        assert!(!decide_color(auto, true, &env(None, None, Some("dumb"))));
        assert!(decide_color(auto, false, &env(None, Some("1"), None)));
        assert!(!decide_color(auto, false, &env(None, Some("0"), None)));
        assert!(!decide_color(auto, false, &env(None, Some(""), None)));
        assert!(decide_color(Some(true), false, &env(Some("1"), None, None)));
        assert!(!decide_color(
            Some(false),
            true,
            &env(None, Some("1"), None)
        ));
    }
}
