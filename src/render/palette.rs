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

/// Colour `n` of the 256-colour palette.
fn xterm(n: u8) -> owo_colors::DynColors {
    owo_colors::DynColors::Xterm(owo_colors::XtermColors::from(n))
}

/// The background the colours are chosen for (`--theme`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Light text on a dark background (the default: most terminals).
    #[default]
    Dark,
    /// Dark text on a light background.
    Light,
}

impl Theme {
    /// The theme a terminal announces in `COLORFGBG` (`"15;0"`: white on black; the last
    /// field is the background colour, from the sixteen base colours): light for a
    /// background of 7 (light grey) or 9 to 15 (the bright colours), dark otherwise, and
    /// dark when the variable is unset or unreadable, as most terminals are. The caller
    /// reads the environment; this only decides.
    pub fn from_colorfgbg(value: Option<&std::ffi::OsStr>) -> Theme {
        let background = value
            .and_then(|v| v.to_str())
            .and_then(|v| v.rsplit(';').next())
            .and_then(|bg| bg.trim().parse::<u8>().ok());
        match background {
            Some(7 | 9..=15) => Theme::Light,
            _ => Theme::Dark,
        }
    }
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

    /// The colours of a dark terminal ([`Theme::Dark`]).
    pub fn colored() -> Palette {
        Palette::themed(Theme::Dark)
    }

    /// The colours of a terminal with a `theme` background, as delta shows changes: a
    /// deleted word on a red background and struck through, an inserted word on a green
    /// background and underlined, so insert and delete differ by the line through or under
    /// the word as well as by hue (red and green alone fail a red-green colour-blind
    /// reader). Colours are from the fixed 256-colour cube (indices 16-231), which
    /// terminal themes do not remap as they remap the sixteen base colours: a light
    /// theme's "yellow" heading or "cyan" label can be near-white. Each theme keeps text
    /// dark on light or light on dark.
    pub fn themed(theme: Theme) -> Palette {
        let s = owo_colors::Style::new();
        let fg = |n: u8| s.color(xterm(n));
        let pair = |f: u8, b: u8| s.color(xterm(f)).on_color(xterm(b));
        match theme {
            Theme::Dark => Palette {
                deleted: Style(pair(217, 52).strikethrough()),
                inserted: Style(pair(157, 22).underline()),
                added: Style(fg(114)),
                removed: Style(fg(210).strikethrough()),
                heading: Style(fg(221).bold()),
                origin: Style(fg(117)),
                dim: Style(s.dimmed()),
                title: Style(s.bold()),
                markers: false,
                versions: [fg(111), fg(177), fg(80), fg(221), fg(114), fg(210)].map(Style),
            },
            Theme::Light => Palette {
                deleted: Style(pair(88, 224).strikethrough()),
                inserted: Style(pair(22, 194).underline()),
                added: Style(fg(28)),
                removed: Style(fg(124).strikethrough()),
                heading: Style(fg(18).bold()),
                origin: Style(fg(24)),
                dim: Style(fg(242)),
                title: Style(s.bold()),
                markers: false,
                versions: [fg(25), fg(90), fg(30), fg(130), fg(28), fg(124)].map(Style),
            },
        }
    }

    /// [`colored`](Self::colored) when `color` is true, else [`plain`](Self::plain).
    pub fn new(color: bool) -> Palette {
        Palette::with_theme(color, Theme::Dark)
    }

    /// [`themed`](Self::themed) when `color` is true, else [`plain`](Self::plain).
    pub fn with_theme(color: bool, theme: Theme) -> Palette {
        if color {
            Palette::themed(theme)
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
        assert_eq!(
            p.inserted.paint("x").to_string(),
            "\u{1b}[38;5;157;48;5;22;4mx\u{1b}[0m"
        );
        assert_eq!(
            p.version(0).paint("v1").to_string(),
            "\u{1b}[38;5;111mv1\u{1b}[0m"
        );
        assert_eq!(p.version(6), p.version(0));
    }

    #[test]
    fn themes_from_colorfgbg() {
        let theme = |v: Option<&str>| Theme::from_colorfgbg(v.map(std::ffi::OsStr::new));
        assert_eq!(theme(Some("0;15")), Theme::Light);
        assert_eq!(theme(Some("0;default;7")), Theme::Light);
        assert_eq!(theme(Some("15;0")), Theme::Dark);
        assert_eq!(theme(Some("default")), Theme::Dark);
        assert_eq!(theme(None), Theme::Dark);
        assert_ne!(Palette::themed(Theme::Light), Palette::themed(Theme::Dark));
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
