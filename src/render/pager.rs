//! Long output through a pager, as git and delta do it: an output sink for the binary, and
//! for any program that shows draftdiff's reports on a terminal.
//!
//! [`Pager::decide`] chooses from an explicit snapshot of the environment ([`PagerEnv`]),
//! never reading it itself: `$DRAFTDIFF_PAGER`, else `$PAGER`, else `less -FRX` (`-F` quits at
//! once when the output fits one screen, `-R` shows colours, `-X` leaves the text on the
//! screen). An empty value or `cat` means no pager. Like git, the command is run by the
//! shell, so `PAGER='less -S'` works, and `LESS` is set to `FRX` when unset, so a bare
//! `less` shows colours too.
//!
//! The pager's standard output is the terminal, but the writer's is a pipe once the pager
//! runs: the width is measured before and handed on in `COLUMNS`. When the user quits the
//! pager before the end, the rest of the output has nowhere to go: that is success, as it is
//! for `draftdiff … | head`.
//!
//! ```no_run
//! use draftdiff::render::pager::{Pager, PagerEnv, Paging};
//!
//! let env = PagerEnv {
//!     draftdiff_pager: std::env::var_os("DRAFTDIFF_PAGER"),
//!     pager: std::env::var_os("PAGER"),
//!     less: std::env::var_os("LESS"),
//! };
//! if let Some(pager) = Pager::decide(Paging::Always, true, env, 100) {
//!     let quit_early = pager.write(|w| writeln!(w, "a long report")).unwrap();
//! }
//! ```

use std::ffi::OsString;
use std::io::{self, Write};
use std::process::{Command, Stdio};

use crate::render::Visible;

/// The pager when neither `DRAFTDIFF_PAGER` nor `PAGER` is set.
pub const DEFAULT_PAGER: &str = "less -FRX";

/// The flags given to `less` through `LESS` when the user has not set it (git's choice).
const LESS_FLAGS: &str = "FRX";

/// The status `sh` exits with when the command is not executable.
const SHELL_CANNOT_EXECUTE: i32 = 126;
/// The status `sh` exits with when the command is not found.
const SHELL_NOT_FOUND: i32 = 127;

/// When to page (`--paging`; with the feature `cli`, a `clap` value enum whose first doc
/// paragraphs are the option's help).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(feature = "cli", derive(clap::ValueEnum))]
pub enum Paging {
    /// Page when standard output is a terminal.
    #[default]
    Auto,
    /// Page even when standard output is not a terminal (not with `-o FILE`).
    ///
    /// Output to a file is never paged ([`Output`](super::output::Output)).
    Always,
    /// Never page.
    Never,
}

/// The environment variables a pager is chosen by, read by the caller.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PagerEnv {
    /// `DRAFTDIFF_PAGER`: wins over `PAGER`, even when empty (as `GIT_PAGER` does).
    pub draftdiff_pager: Option<OsString>,
    /// `PAGER`.
    pub pager: Option<OsString>,
    /// `LESS`: when unset, the pager is given `LESS=FRX`.
    pub less: Option<OsString>,
}

/// A pager to run, resolved once from the environment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pager {
    /// The command line, run by the shell.
    command: String,
    /// Columns of the terminal the pager shows the output on.
    width: usize,
    /// `LESS` as the user set it, if they did.
    less: Option<OsString>,
}

impl Pager {
    /// The pager chosen by `DRAFTDIFF_PAGER`, then `PAGER`, then [`DEFAULT_PAGER`]; `None`
    /// when the chosen value is empty or `cat`, or `when` says not to page (`terminal`:
    /// standard output is a terminal and is where the output goes). `width`: the columns of
    /// the terminal, handed to the pager in `COLUMNS`.
    pub fn decide(when: Paging, terminal: bool, env: PagerEnv, width: usize) -> Option<Pager> {
        let wanted = match when {
            Paging::Never => false,
            Paging::Always => true,
            Paging::Auto => terminal,
        };
        if !wanted {
            return None;
        }
        let command = match env.draftdiff_pager.or(env.pager) {
            Some(value) => value.to_string_lossy().trim().to_string(),
            None => DEFAULT_PAGER.to_string(),
        };
        if command.is_empty() || command == "cat" {
            return None;
        }
        Some(Pager {
            command,
            width,
            less: env.less,
        })
    }

    /// The command line the shell runs.
    pub fn command(&self) -> &str {
        &self.command
    }

    /// Runs the pager and writes the output produced by `write` to it, then waits for the
    /// pager to end. `Ok(true)` when the pager was quit before the end of the output.
    ///
    /// A pager that cannot be started is reported on standard error and the output goes
    /// to standard output instead, so nothing is lost; one the shell cannot find or run is
    /// an error.
    pub fn write(&self, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<bool> {
        let mut command = shell_command(&self.command);
        command
            .stdin(Stdio::piped())
            .env("COLUMNS", self.width.to_string());
        if self.less.is_none() {
            command.env("LESS", LESS_FLAGS);
        }
        let mut child = match command.spawn() {
            Ok(child) => child,
            Err(e) => {
                let _ = writeln!(
                    io::stderr(),
                    "draftdiff: warning: cannot run the pager `{}` ({e}); writing to standard output",
                    Visible(&self.command)
                );
                let stdout = io::stdout();
                let mut out = io::BufWriter::new(stdout.lock());
                return closed(write(&mut out).and_then(|()| out.flush()));
            }
        };
        // Ctrl-C in the pager reaches draftdiff too: ignored while the pager runs, so the
        // terminal is left to the pager until it ends (git waits for its pager likewise).
        let _interrupt = ignore_interrupt();
        let result = {
            let stdin = child.stdin.take().expect("stdin was piped");
            let mut out = io::BufWriter::new(stdin);
            write(&mut out).and_then(|()| out.flush())
            // `out` is dropped here: the pager sees the end of its input.
        };
        let status = child.wait()?;
        // The shell's statuses for a command it could not find or run: the output went
        // nowhere, which must not pass for a pager quit early.
        if matches!(status.code(), Some(SHELL_CANNOT_EXECUTE | SHELL_NOT_FOUND)) {
            return Err(io::Error::other(format!(
                "the pager `{}` could not be run ({status}); set DRAFTDIFF_PAGER, or use --paging never",
                Visible(&self.command)
            )));
        }
        closed(result)
    }
}

/// `Ok(true)` for a closed pipe, which is no error.
fn closed(result: io::Result<()>) -> io::Result<bool> {
    match result {
        Ok(()) => Ok(false),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(true),
        Err(e) => Err(e),
    }
}

/// `command` run by the shell, as git runs its pager.
#[cfg(unix)]
fn shell_command(command: &str) -> Command {
    let mut c = Command::new("sh");
    c.arg("-c").arg(command);
    c
}

/// `command` split at spaces (there is no `sh` to run it).
#[cfg(not(unix))]
fn shell_command(command: &str) -> Command {
    let mut words = command.split_whitespace();
    let mut c = Command::new(words.next().unwrap_or("more"));
    c.args(words);
    c
}

/// SIGINT ignored until the returned guard is dropped (it is then handled as before draftdiff
/// started paging: it ends the process).
#[cfg(unix)]
fn ignore_interrupt() -> Option<impl Drop> {
    use std::sync::Arc;
    use std::sync::atomic::AtomicBool;
    struct Guard(signal_hook::SigId);
    impl Drop for Guard {
        fn drop(&mut self) {
            signal_hook::low_level::unregister(self.0);
        }
    }
    let flag = Arc::new(AtomicBool::new(false));
    signal_hook::flag::register(signal_hook::consts::SIGINT, flag)
        .ok()
        .map(Guard)
}

#[cfg(not(unix))]
fn ignore_interrupt() -> Option<()> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(draftdiff_pager: Option<&str>, pager: Option<&str>) -> PagerEnv {
        PagerEnv {
            draftdiff_pager: draftdiff_pager.map(OsString::from),
            pager: pager.map(OsString::from),
            less: None,
        }
    }

    fn command(when: Paging, terminal: bool, env: PagerEnv) -> Option<String> {
        Pager::decide(when, terminal, env, 80).map(|p| p.command().to_string())
    }

    #[test]
    fn the_order_is_draftdiff_pager_then_pager_then_less() {
        let auto = Paging::Auto;
        assert_eq!(
            command(auto, true, env(Some("most"), Some("more"))),
            Some("most".into())
        );
        assert_eq!(
            command(auto, true, env(None, Some("more"))),
            Some("more".into())
        );
        assert_eq!(
            command(auto, true, env(None, None)),
            Some(DEFAULT_PAGER.into())
        );
    }

    #[test]
    fn empty_or_cat_means_no_pager() {
        for value in ["", "  ", "cat"] {
            assert_eq!(command(Paging::Always, true, env(Some(value), None)), None);
            assert_eq!(command(Paging::Auto, true, env(None, Some(value))), None);
        }
        // An empty DRAFTDIFF_PAGER wins over PAGER, as GIT_PAGER does.
        assert_eq!(
            command(Paging::Auto, true, env(Some(""), Some("less"))),
            None
        );
    }

    #[test]
    fn auto_pages_a_terminal_only() {
        assert!(command(Paging::Auto, true, env(None, None)).is_some());
        assert!(command(Paging::Auto, false, env(None, None)).is_none());
        assert!(command(Paging::Always, false, env(None, None)).is_some());
        assert!(command(Paging::Never, true, env(None, None)).is_none());
    }

    #[cfg(unix)]
    #[test]
    fn the_width_and_less_flags_reach_the_pager() {
        let out = std::env::temp_dir().join(format!("draftdiff-pager-{}", std::process::id()));
        let pager = Pager {
            command: format!("{{ echo \"$COLUMNS $LESS\"; cat; }} > '{}'", out.display()),
            width: 97,
            less: None,
        };
        let quit = pager.write(|w| writeln!(w, "text")).expect("pager runs");
        assert!(!quit);
        let got = std::fs::read_to_string(&out).expect("the pager wrote");
        std::fs::remove_file(&out).expect("removed");
        assert_eq!(got, "97 FRX\ntext\n");
    }
}
